"""{{ field|medan }}: bidang formulir Bootstrap 5 (label, widget, galat, bantuan) tanpa templat.

Untuk formulir yang tampil di setiap halaman daftar (penyaring): crispy merender satu bidang
lewat belasan templat dan membaca ulang pilihan <select> dari basis data; di sini satu bidang
adalah satu pemanggilan fungsi, dengan markup dan aksesibilitas yang sama (label terhubung,
aria-invalid dan pesan galat di samping bidang, aria-describedby ke teks bantuan).
"""

from django import forms, template
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe

register = template.Library()


def _kelas_widget(widget: forms.Widget) -> str:
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        return "form-select"
    return "form-control"


@register.filter
def medan(bf: forms.BoundField) -> str:
    widget = bf.field.widget
    galat = bf.errors
    kelas = [_kelas_widget(widget), widget.attrs.get("class", "")]
    attrs = {"class": " ".join(k for k in kelas if k)}
    if galat:
        attrs["class"] += " is-invalid"
        attrs["aria-invalid"] = "true"
    id_galat = f"{bf.auto_id}_galat"
    id_bantuan = f"{bf.auto_id}_helptext"
    terkait = [i for i, ada in ((id_galat, galat), (id_bantuan, bf.help_text)) if ada]
    if terkait:
        attrs["aria-describedby"] = " ".join(terkait)
    html_widget = bf.as_widget(attrs=attrs)
    label = esc(bf.label)
    if bf.field.required:
        label = f'{label}<span class="asteriskField">*</span>'
    bagian = []
    if isinstance(widget, forms.CheckboxInput):
        bagian.append(
            f'<div class="form-check">{html_widget}'
            f'<label class="form-check-label" for="{esc(bf.id_for_label)}">{label}</label>'
        )
    else:
        bagian.append(
            f'<label class="form-label" for="{esc(bf.id_for_label)}">{label}</label>{html_widget}'
        )
    if galat:
        pesan = "".join(f"<strong>{esc(g)}</strong> " for g in galat).strip()
        bagian.append(f'<div id="{id_galat}" class="invalid-feedback d-block">{pesan}</div>')
    if bf.help_text:
        bagian.append(f'<div id="{id_bantuan}" class="form-text">{esc(bf.help_text)}</div>')
    if isinstance(widget, forms.CheckboxInput):
        bagian.append("</div>")
    return mark_safe(f'<div id="div_{bf.auto_id}" class="mb-3">{"".join(bagian)}</div>')  # noqa: S308


@register.filter
def formulir(form: forms.BaseForm) -> str:
    """{{ form|formulir }}: galat umum, bidang tersembunyi, lalu setiap bidang dengan `medan`."""
    bagian = []
    for galat in form.non_field_errors():
        bagian.append(f'<div class="alert alert-danger" role="alert">{esc(galat)}</div>')
    bagian += [str(b) for b in form.hidden_fields()]
    bagian += [medan(b) for b in form.visible_fields()]
    return mark_safe("".join(bagian))  # noqa: S308  (setiap bagian sudah di-escape)


@register.filter
def kisi_penyaring(form: forms.BaseForm) -> str:
    """Bidang penyaring daftar dalam kisi Bootstrap (empat kolom di layar lebar)."""
    return mark_safe(  # noqa: S308  (medan sudah meng-escape)
        "".join(f'<div class="col-12 col-sm-6 col-lg-3">{medan(b)}</div>' for b in form)
    )
