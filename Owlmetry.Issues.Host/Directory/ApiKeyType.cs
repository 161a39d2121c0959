namespace Owlmetry.Issues.Host.Directory;

public enum ApiKeyType
{
    Client,
    Agent,
}
