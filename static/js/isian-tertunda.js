// Isian yang ditolak server atau terputus karena sesi berakhir dikembalikan ke formulirnya,
// dengan galat di samping kolomnya (data dari perhutanan/isian.py lewat #isian-tertunda).
(function () {
  const sumber = document.getElementById("isian-tertunda");
  if (!sumber) return;
  const daftar = JSON.parse(sumber.textContent);
  const jalur = (url) => new URL(url, window.location.href).pathname;

  // Beberapa formulir bisa berbagi alamat (bukti fisik per indikator): pilih yang isian
  // tersembunyinya cocok dengan data yang dikirim.
  function formUntuk(entri) {
    let terbaik = null;
    let skorTerbaik = -1;
    for (const form of document.querySelectorAll("form")) {
      if (jalur(form.getAttribute("action") || window.location.href) !== entri.aksi) continue;
      let skor = 0;
      for (const el of form.querySelectorAll("input[type=hidden][name]")) {
        if (el.name in entri.data && entri.data[el.name] === el.value) skor += 1;
      }
      if (skor > skorTerbaik) {
        terbaik = form;
        skorTerbaik = skor;
      }
    }
    return terbaik;
  }

  function isikan(form, nama, nilai) {
    const daftarNilai = Array.isArray(nilai) ? nilai : [nilai];
    for (const el of form.querySelectorAll(`[name="${CSS.escape(nama)}"]`)) {
      if (el.type === "file" || el.type === "hidden" || el.type === "password") continue;
      if (el.type === "checkbox" || el.type === "radio") el.checked = daftarNilai.includes(el.value);
      else if (el.tagName === "SELECT" && el.multiple) {
        for (const o of el.options) o.selected = daftarNilai.includes(o.value);
      } else el.value = daftarNilai[0];
    }
  }

  function tandai(form, nama, pesan) {
    const el = form.querySelector(`[name="${CSS.escape(nama)}"]`);
    const galat = document.createElement("div");
    galat.className = "invalid-feedback d-block";
    galat.textContent = pesan.join(" ");
    if (!el) {
      form.prepend(galat);
      return;
    }
    el.classList.add("is-invalid");
    el.setAttribute("aria-invalid", "true");
    galat.id = `galat-${el.id || nama}`;
    el.setAttribute("aria-describedby", galat.id);
    (el.closest(".mb-3, .form-check, .col") || el).after(galat);
  }

  for (const entri of daftar) {
    const form = formUntuk(entri);
    if (!form) continue;
    // Formulir di dalam <details> yang tertutup dibuka agar isiannya terlihat.
    for (let d = form.closest("details"); d; d = d.parentElement.closest("details")) d.open = true;
    for (const [nama, nilai] of Object.entries(entri.data)) isikan(form, nama, nilai);
    for (const [nama, pesan] of Object.entries(entri.galat)) {
      if (pesan.length) tandai(form, nama, pesan);
    }
    const pemberitahuan = document.createElement("div");
    pemberitahuan.className = "alert alert-warning";
    pemberitahuan.setAttribute("role", "alert");
    pemberitahuan.dataset.uji = "isian-dikembalikan";
    pemberitahuan.textContent = entri.pesan;
    form.prepend(pemberitahuan);
    const pertama = form.querySelector(".is-invalid") || form.querySelector("input, textarea, select");
    if (pertama) pertama.focus();
  }
})();
