using System.Reflection;
using Owlmetry.Issues.Host.Observability;
using Owlmetry.Issues.Storage;

namespace Owlmetry.Issues.Tests.Storage;

/// <summary>
/// A store that wraps another (the server's metrics, the tests' interceptors) must answer the members that
/// <see cref="IIssueStore"/> gives a default body from the store it wraps: one that keeps the default silently tells the
/// scan and the jobs that a PostgreSQL store is a single-process store with LiteDB's unit size, as the server's metrics
/// decorator once did.
/// </summary>
[TestFixture]
public sealed class StoreDecoratorTests
{
    private static IEnumerable<Type> Decorators() =>
        new[] { typeof(IIssueStore).Assembly, typeof(MeasuredIssueStore).Assembly, typeof(StoreDecoratorTests).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IIssueStore).IsAssignableFrom(type))
            .Where(type => type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Any(constructor => constructor.GetParameters().Any(p => p.ParameterType == typeof(IIssueStore))));

    [Test]
    public void Decorators_AreFound()
    {
        Assert.That(Decorators(), Does.Contain(typeof(MeasuredIssueStore)), "the search for stores that wrap a store finds none of them");
    }

    [TestCaseSource(nameof(Decorators))]
    public void Decorator_ImplementsEveryMemberThatHasADefault(Type decorator)
    {
        var map = decorator.GetInterfaceMap(typeof(IIssueStore));
        var keptDefaults = map.InterfaceMethods
            .Select((method, i) => (method, target: map.TargetMethods[i]))
            .Where(pair => !pair.method.IsAbstract && pair.target.DeclaringType == typeof(IIssueStore))
            .Select(pair => pair.method.Name.Replace("get_", string.Empty, StringComparison.Ordinal));

        Assert.That(keptDefaults, Is.Empty, $"{decorator.Name} answers these from IIssueStore's defaults, not from the store it wraps");
    }
}
