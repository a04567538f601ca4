"""Penyaji formulir proyek: widget yang paling sering tampil dirender langsung di Python.

Templat widget bawaan Django (input, select dan satu templat per <option>) adalah bagian termahal
halaman daftar: satu <select> 38 provinsi berarti 39 penyertaan templat. Penyaji ini
menghasilkan HTML yang sama persis untuk templat-templat itu tanpa mesin templat (diuji
terhadap keluaran templat Django), dan menyerahkan templat lain ke penyaji bawaan. Dipasang
lewat FORM_RENDERER, sehingga berlaku bagi setiap formulir, termasuk yang dirender crispy.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe


class _BukanJalurCepat(Exception):
    """Widget memakai templat opsi sendiri: serahkan ke mesin templat."""


def atribut_html(attrs: dict) -> str:
    """Sama dengan django/forms/widgets/attrs.html: True -> nama saja, False dilewati."""
    bagian = []
    for nama, nilai in attrs.items():
        if nilai is False:
            continue
        if nilai is True:
            bagian.append(f" {esc(nama)}")
        else:
            bagian.append(f' {esc(nama)}="{esc(nilai)}"')
    return "".join(bagian)


def _input(widget: dict) -> str:
    nilai = widget["value"]
    bagian_nilai = "" if nilai is None else f' value="{esc(nilai)}"'
    return (
        f'<input type="{esc(widget["type"])}" name="{esc(widget["name"])}"'
        f"{bagian_nilai}{atribut_html(widget['attrs'])}>"
    )


def _option(opsi: dict) -> str:
    return (
        f'<option value="{esc(opsi["value"])}"{atribut_html(opsi["attrs"])}>'
        f"{esc(opsi['label'])}</option>"
    )


def _select(widget: dict) -> str:
    bagian = [f'<select name="{esc(widget["name"])}"{atribut_html(widget["attrs"])}>']
    for nama_grup, pilihan, _ in widget["optgroups"]:
        if nama_grup:
            bagian.append(f'\n  <optgroup label="{esc(nama_grup)}">')
        for opsi in pilihan:
            if opsi["template_name"] != "django/forms/widgets/select_option.html":
                raise _BukanJalurCepat
            # Templat opsi Django diakhiri baris baru, yang ikut tersalin ke keluaran.
            bagian.append("\n  " + _option(opsi) + "\n")
        if nama_grup:
            bagian.append("\n  </optgroup>")
    bagian.append("\n</select>")
    return "".join(bagian)


# Templat widget Django yang isinya hanya {% include "django/forms/widgets/input.html" %}.
_TEMPLAT_INPUT = {
    f"django/forms/widgets/{nama}.html"
    for nama in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
        "color",
        "checkbox",
    )
}
_JALUR_CEPAT = dict.fromkeys(_TEMPLAT_INPUT, _input) | {"django/forms/widgets/select.html": _select}


class PenyajiCepat(DjangoTemplates):
    """Penyaji formulir bawaan Django, dengan jalur Python untuk input dan select."""

    def render(self, template_name, context, request=None):
        fungsi = _JALUR_CEPAT.get(template_name)
        if fungsi is not None and "widget" in context:
            try:
                return mark_safe(fungsi(context["widget"]))  # noqa: S308  (setiap bagian di-escape)
            except _BukanJalurCepat:
                pass
        return super().render(template_name, context, request)
