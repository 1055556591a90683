namespace Saltant.Domain;

/// <summary>
/// A request builder refused its input because the server could not receive it as meant (a
/// page number below 1, a filter value django-filter would drop or split, a username its route
/// cannot match). Nothing was sent.
/// </summary>
/// <param name="Parameter">The parameter or filter at fault, e.g. <c>page_size</c> or <c>name__in</c>.</param>
/// <param name="Reason">Why it cannot be sent, and what to do instead.</param>
public sealed record InvalidRequestInput(string Parameter, string Reason)
    : SaltantError(ErrorCodes.InvalidRequestInput)
{
    /// <inheritdoc />
    public override string Message => $"The request was not built because {MessageText.Clip(Parameter)} is invalid: {MessageText.Clip(Reason)}";
}
