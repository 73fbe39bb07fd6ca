"""One paginator helper for every listing: a bad or out-of-range page number never errors."""

from django.core.paginator import Paginator

DEFAULT_PER_PAGE = 20


def paginate(request, object_list, per_page=DEFAULT_PER_PAGE, param="page"):
    """Return the requested page of ``object_list`` (the last one if out of range)."""
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get(param))
