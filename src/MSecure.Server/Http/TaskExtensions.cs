using System.Threading.Tasks;

namespace MSecure.Server.Http;

internal static class TaskExtensions
{
    public static ValueTask ToValueTask(this Task task) => new(task);
}
