// Routes a board's I2C and I2S signals through an IPinMux (on the device: the ESP32 GPIO matrix
// via Configuration.SetPinFunction). Derived from the board data, so every board's Apply routine
// is one call and cannot disagree with its definition. GPIO pins need no routing. Depends on
// BoardDefinition, IPinMux, PinFunctions.
using Endpoint.Hal;

namespace Endpoint.Boards
{
    /// <summary>Board pin-mux routine.</summary>
    public static class BoardPinMux
    {
        /// <summary>Routes I2C and I2S pins of board (pins -1 are skipped).</summary>
        public static void Apply(BoardDefinition board, IPinMux mux)
        {
            if (board.I2cSda >= 0) mux.Set(board.I2cSda, PinFunctions.I2cData(board.I2cBus));
            if (board.I2cScl >= 0) mux.Set(board.I2cScl, PinFunctions.I2cClock(board.I2cBus));
            if (board.Speaker != null) ApplyPort(board.Speaker, mux);
            if (board.Microphone != null && board.Microphone != board.Speaker)
            {
                if (board.Speaker != null && board.Microphone.Bus == board.Speaker.Bus)
                {
                    if (board.Microphone.Din >= 0) mux.Set(board.Microphone.Din, PinFunctions.I2sDataIn(board.Microphone.Bus));
                }
                else
                {
                    ApplyPort(board.Microphone, mux);
                }
            }
        }

        private static void ApplyPort(I2sPortConfig p, IPinMux mux)
        {
            if (p.Mclk >= 0) mux.Set(p.Mclk, PinFunctions.I2sMclk(p.Bus));
            if (p.Bclk >= 0) mux.Set(p.Bclk, PinFunctions.I2sBclk(p.Bus));
            if (p.Ws >= 0) mux.Set(p.Ws, PinFunctions.I2sWs(p.Bus));
            if (p.Dout >= 0) mux.Set(p.Dout, PinFunctions.I2sDataOut(p.Bus));
            if (p.Din >= 0) mux.Set(p.Din, PinFunctions.I2sDataIn(p.Bus));
        }
    }
}
