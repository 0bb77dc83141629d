using System.Collections;
using System.Collections.Generic;
using QRCoder;

namespace MSecure.Core.Tests.Kit.Printing;

/// <summary>QRCoder's own module matrix of a text (quiet zone of 4 included), as the reference the renderings are compared with.</summary>
internal static class QrMatrix
{
    public const int QuietZone = 4;

    public static bool[,] Reference(string text)
    {
        using QRCodeData data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        List<BitArray> rows = data.ModuleMatrix;
        var matrix = new bool[rows.Count, rows.Count];
        for (int row = 0; row < rows.Count; row++)
        {
            for (int column = 0; column < rows.Count; column++)
            {
                matrix[row, column] = rows[row][column];
            }
        }

        return matrix;
    }
}
