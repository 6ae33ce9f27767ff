// Desktop stand-in for the part of nanoFramework.TestFramework that tests/NFUnitTest uses.
// Same namespace and signatures as the stable listing (nanoFramework.TestFramework.txt), so
// the device-portable test sources compile unchanged on the desktop. Host-only: never
// compiled for the device (the device uses the real package).
using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class Assert
    {
        private static void Fail(string what, string message)
        {
            throw new AssertFailedException(message == null || message.Length == 0 ? what : what + " - " + message);
        }

        public static void AreEqual(bool expected, bool actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(byte expected, byte actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(char expected, char actual, string message = "") { if (expected != actual) Fail("expected '" + expected + "' got '" + actual + "'", message); }
        public static void AreEqual(double expected, double actual, string message = "") { if (!expected.Equals(actual)) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(float expected, float actual, string message = "") { if (!expected.Equals(actual)) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(int expected, int actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(long expected, long actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(short expected, short actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(uint expected, uint actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { if (expected != actual) Fail("expected " + expected + " got " + actual, message); }
        public static void AreEqual(string expected, string actual, string message = "") { if (expected != actual) Fail("expected \"" + expected + "\" got \"" + actual + "\"", message); }
        public static void AreEqual(object expected, object actual, string message = "") { if (!Equals(expected, actual)) Fail("expected " + expected + " got " + actual, message); }

        public static void AreNotEqual(int notExpected, int actual, string message = "") { if (notExpected == actual) Fail("did not expect " + actual, message); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { if (notExpected == actual) Fail("did not expect " + actual, message); }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { if (notExpected == actual) Fail("did not expect " + actual, message); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { if (notExpected == actual) Fail("did not expect \"" + actual + "\"", message); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { if (Equals(notExpected, actual)) Fail("did not expect " + actual, message); }

        public static void IsTrue(bool condition, string message = "") { if (!condition) Fail("expected true", message); }
        public static void IsFalse(bool condition, string message = "") { if (condition) Fail("expected false", message); }
        public static void IsNull(object value, string message = "") { if (value != null) Fail("expected null, got " + value, message); }
        public static void IsNotNull(object value, string message = "") { if (value == null) Fail("expected a value, got null", message); }
        public static void Contains(string expected, string actual, string message = "") { if (actual == null || actual.IndexOf(expected, StringComparison.Ordinal) < 0) Fail("\"" + actual + "\" does not contain \"" + expected + "\"", message); }

        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try { action(); }
            catch (Exception e)
            {
                if (!exceptionType.IsInstanceOfType(e)) Fail("expected " + exceptionType.Name + " got " + e.GetType().Name, message);
                return;
            }
            Fail("expected " + exceptionType.Name + ", nothing was thrown", message);
        }
    }

    public sealed class CollectionAssert
    {
        public static void AreEqual(ICollection expected, ICollection actual, string message = "")
        {
            if (expected == null || actual == null) { if (expected != actual) throw new AssertFailedException("one collection is null " + message); return; }
            if (expected.Count != actual.Count) throw new AssertFailedException("count " + expected.Count + " != " + actual.Count + " " + message);
            IEnumerator a = expected.GetEnumerator(), b = actual.GetEnumerator();
            int i = 0;
            while (a.MoveNext() && b.MoveNext())
            {
                if (!Equals(a.Current, b.Current)) throw new AssertFailedException("element " + i + ": " + a.Current + " != " + b.Current + " " + message);
                i++;
            }
        }
    }

    public class AssertFailedException : Exception
    {
        public AssertFailedException(string message) : base(message) { }
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { MethodParameters = methodParameters; }
        public object[] MethodParameters { get; }
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message) { Console.Error.WriteLine(message); }
    }
}
