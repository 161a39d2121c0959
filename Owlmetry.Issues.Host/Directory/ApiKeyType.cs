namespace Owlmetry.Issues.Host.Directory;

public enum ApiKeyType
{
    Agent,
    Client,
}
