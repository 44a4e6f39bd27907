using FluentAssertions;
using Sitrep.Content.Html;
using Xunit;

namespace Sitrep.Tests.Content.Html;

public class HtmlExtractionRulesTests
{
    private static readonly HtmlExtractionRules Rules = HtmlExtractionRules.Default;

    [Theory]
    [InlineData("share-buttons")]
    [InlineData("top ad")]
    [InlineData("cookie-consent")]
    [InlineData("jp-relatedposts")]
    [InlineData("comments-area")]
    [InlineData("newsletter-signup")]
    [InlineData("site-footer")]
    public void Furniture_classes_are_recognised(string classAndId)
    {
        Rules.Classify(classAndId).IsFurniture.Should().BeTrue();
    }

    [Theory]
    [InlineData("header")]          // "ad" is a whole word only
    [InlineData("download-link")]
    [InlineData("responsive-grid")] // "respond" is a whole word only
    [InlineData("block-ctools")]    // "tools" is a whole word only
    [InlineData("article-body has-comments")] // the article body is never furniture
    public void Ordinary_classes_are_not_furniture(string classAndId)
    {
        Rules.Classify(classAndId).IsFurniture.Should().BeFalse();
    }

    [Theory]
    [InlineData("main sub-nav", true)]        // a word with a hyphen in it
    [InlineData("sharing-tools", true)]       // prefix
    [InlineData("timeshare", false)]          // a prefix starts a word
    [InlineData("post-sharebar-top", true)]   // contains
    [InlineData("pub", true)]
    [InlineData("publication", false)]
    [InlineData("publicité", true)]           // a word with a non-ASCII letter
    public void Word_prefix_and_substring_patterns_match_as_documented(string classAndId, bool furniture)
    {
        Rules.Classify(classAndId).IsFurniture.Should().Be(furniture);
    }

    [Theory]
    [InlineData("entry-content", 0)]
    [InlineData("article__body", 0)]
    [InlineData("story", 1)]
    [InlineData("content", 2)]
    [InlineData("sidebar", -1)]
    public void Body_groups_rank_selectors(string classAndId, int group)
    {
        Rules.Classify(classAndId).BodyGroup.Should().Be(group);
    }

    [Fact]
    public void A_broken_rules_file_names_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "remove_tags: [script\nboilerplate:\n  contains: [a\n");
        try
        {
            var act = () => HtmlExtractionRules.Load(path);

            act.Should().Throw<HtmlRulesException>().Which.Message.Should().StartWith(path + ":");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_rules_file_is_reported()
    {
        var act = () => HtmlExtractionRules.Load("/nonexistent/boilerplate.yaml");

        act.Should().Throw<HtmlRulesException>().WithMessage("*not found*");
    }
}
