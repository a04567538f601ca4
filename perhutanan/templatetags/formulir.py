"""{{ field|medan }}: bidang formulir Bootstrap 5 (label, widget, galat, bantuan) tanpa templat.

Untuk formulir yang tampil di setiap halaman daftar (penyaring): crispy merender satu bidang
lewat belasan templat dan membaca ulang pilihan <select> dari basis data; di sini satu bidang
adalah satu pemanggilan fungsi, dengan markup dan aksesibilitas yang sama (label terhubung,
aria-invalid dan pesan galat di samping bidang, aria-describedby ke teks bantuan).
"""

from dataclasses import dataclass

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


# ------------------------------------------------------------------ ringkasan galat


@dataclass(frozen=True)
class ButirGalat:
    label: str
    pesan: str
    tujuan: str  # id elemen yang dituju tautan


def _id_pilihan_pertama(bf: forms.BoundField) -> str:
    """Pilihan radio/centang tidak punya satu id; tautan menuju pilihan pertamanya."""
    anak = bf.subwidgets
    return anak[0].id_for_label if anak else ""


def _butir_form(form: forms.BaseForm, awalan: str, cadangan: str) -> list[ButirGalat]:
    butir = []
    tujuan_form = next((b.id_for_label for b in form.visible_fields()), "") or cadangan
    for pesan in form.non_field_errors():
        butir.append(ButirGalat(awalan.rstrip(": ") or "Formulir", pesan, tujuan_form))
    for nama, daftar in form.errors.items():
        if nama == forms.forms.NON_FIELD_ERRORS or nama not in form.fields:
            continue
        bf = form[nama]
        label = f"{awalan}{bf.label}" if awalan else str(bf.label)
        tujuan = bf.id_for_label or _id_pilihan_pertama(bf) or bf.auto_id or tujuan_form
        butir += [ButirGalat(label, pesan, tujuan) for pesan in daftar]
    return butir


def butir_galat(*daftar) -> list[ButirGalat]:
    """Galat formulir dan formset, berurutan seperti di halaman, masing-masing dengan id bidangnya.

    Baris formset diberi nama lewat atribut `label_baris` pada formulirnya (mis. "Syarat 05");
    tanpanya "Baris 3".
    """
    butir: list[ButirGalat] = []
    for objek in daftar:
        if not objek:
            continue
        if isinstance(objek, forms.BaseFormSet):
            cadangan = f"formset-{objek.prefix}"
            butir += [ButirGalat("Daftar", p, cadangan) for p in objek.non_form_errors()]
            for i, f in enumerate(objek.forms, start=1):
                if f.errors:
                    nama_baris = getattr(f, "label_baris", "") or f"Baris {i}"
                    butir += _butir_form(f, f"{nama_baris}: ", cadangan)
        elif objek.errors:
            butir += _butir_form(objek, "", "")
    return butir


@register.inclusion_tag("_ringkasan_galat.html")
def ringkasan_galat(*daftar, catatan: str = ""):
    """{% ringkasan_galat form formset catatan="…" %}: ringkasan di atas formulir yang ditolak
    (pola ringkasan galat GOV.UK): berapa isian yang salah, lalu tiap galat sebagai tautan ke
    bidangnya. Pesan di samping bidang tetap ada; ringkasan difokuskan saat halaman terbuka."""
    butir = butir_galat(*daftar)
    if butir and not catatan and any(o and o.is_multipart() for o in daftar):
        catatan = "Berkas yang sudah dipilih perlu dipilih ulang: peramban tidak menyimpannya."
    return {"butir": butir, "catatan": catatan}
