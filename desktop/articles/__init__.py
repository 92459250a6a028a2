"""The article list panel and the article metadata editor."""

from desktop.articles.list_panel import ArticleListPanel
from desktop.articles.metadata import ArticleMetadataEditor
from desktop.commands.article_fields import UpdateArticleCommand

__all__ = ["ArticleListPanel", "ArticleMetadataEditor", "UpdateArticleCommand"]
