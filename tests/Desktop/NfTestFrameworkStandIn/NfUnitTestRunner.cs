// Runs the device-portable tests in tests/NFUnitTest on the desktop, the way the nanoFramework
// test launcher does: [Setup] once per class, every [TestMethod] called statically (no instance),
// once per [DataRow], then [Cleanup]. One xunit case per test method, so a failing device test
// fails the desktop suite by name.
using System;
using System.Collections.Generic;
using System.Reflection;
using nanoFramework.TestFramework;
using Assert = Xunit.Assert;
using Xunit;

namespace Endpoint.Tests.NfStandIn
{
    public class NfUnitTestRunner
    {
        public static IEnumerable<object[]> Cases()
        {
            foreach (Type t in typeof(NfUnitTestRunner).Assembly.GetTypes())
            {
                if (t.GetCustomAttribute<TestClassAttribute>() == null) continue;
                foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                {
                    if (m.GetCustomAttribute<TestMethodAttribute>() != null) yield return new object[] { t.FullName + "." + m.Name };
                }
            }
        }

        [Fact]
        public void DeviceTestsExist()
        {
            int n = 0;
            foreach (object[] unused in Cases()) n++;
            Assert.True(n > 0, "tests/NFUnitTest holds no [TestMethod]");
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void DeviceTest(string name)
        {
            int dot = name.LastIndexOf('.');
            Type t = typeof(NfUnitTestRunner).Assembly.GetType(name.Substring(0, dot), true);
            MethodInfo test = t.GetMethod(name.Substring(dot + 1), BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance);
            Assert.True(test.IsStatic && test.IsPublic, name + ": the nanoFramework launcher calls test methods statically; make it public static");
            foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                if (m.GetCustomAttribute<SetupAttribute>() != null) Invoke(m, null);
            }
            try
            {
                bool ran = false;
                foreach (DataRowAttribute row in test.GetCustomAttributes<DataRowAttribute>())
                {
                    Invoke(test, row.MethodParameters);
                    ran = true;
                }
                if (!ran) Invoke(test, null);
            }
            finally
            {
                foreach (MethodInfo m in t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                {
                    if (m.GetCustomAttribute<CleanupAttribute>() != null) Invoke(m, null);
                }
            }
        }

        private static void Invoke(MethodInfo m, object[] args)
        {
            try { m.Invoke(null, args); }
            catch (TargetInvocationException e) { System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw(); }
        }
    }
}
