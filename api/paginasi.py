from rest_framework.pagination import PageNumberPagination


class Halaman(PageNumberPagination):
    """?halaman=2&per_halaman=100 (paling banyak 200 baris per halaman)."""

    page_size = 50
    page_query_param = "halaman"
    page_size_query_param = "per_halaman"
    max_page_size = 200
    invalid_page_message = "Halaman tidak ada."
