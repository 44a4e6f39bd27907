using FluentAssertions;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class PublicationDateTests
{
    [Theory]
    [InlineData("2024-03-05", "2024-03-05")]
    [InlineData("2024-03-05T10:32:00+01:00", "2024-03-05T10:32:00+01:00")]
    [InlineData("2024-03-05T10:32:00.123Z", "2024-03-05T10:32:00+00:00")]
    [InlineData("2024-03-05T10:32+0100", "2024-03-05T10:32:00+01:00")]
    [InlineData("2017-05-09 14:00:00 +02:00", "2017-05-09T14:00:00+02:00")]
    [InlineData("2024-03-05T10:32:00", "2024-03-05T10:32:00")]
    [InlineData("Tue, 05 Mar 2024 10:32:00 GMT", "2024-03-05T10:32:00+00:00")]
    [InlineData("2024-03-05T10:32:00 (heure de Paris)", "2024-03-05")]
    public void Dates_are_normalised_keeping_what_is_known_and_no_more(string input, string expected)
    {
        PublicationDate.Normalise(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("hier")]
    [InlineData("2024-13-45")]
    [InlineData("0001-01-01")]
    [InlineData("5 mars")]
    [InlineData("1970-01-01T01:00:00+01:00")]
    public void Implausible_or_unreadable_dates_give_nothing(string input)
    {
        PublicationDate.Normalise(input).Should().BeNull();
    }
}
