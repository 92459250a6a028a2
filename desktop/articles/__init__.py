"""The article list panel and the article metadata editor."""

from desktop.articles.commands import UpdateArticleCommand
from desktop.articles.list_panel import ArticleListPanel
from desktop.articles.metadata import ArticleMetadataEditor

__all__ = ["ArticleListPanel", "ArticleMetadataEditor", "UpdateArticleCommand"]
