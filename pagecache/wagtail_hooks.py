from wagtail import hooks


@hooks.register("before_serve_page", order=1000)  # after the hooks that refuse to serve a page
def remember_served_page(page, request, serve_args, serve_kwargs):
    """The page being served: the page cache stores only whole public pages (middleware)."""
    request._page_cache_page = page


@hooks.register("register_rich_text_features", order=1000)  # after Wagtail's own "page" type
def memoize_page_links(features):
    from pagecache.queries import MemoPageLinkHandler

    features.register_link_type(MemoPageLinkHandler)
