// Peta KPS (Leaflet, dipasok lokal). Dua jenis: data-peta="kps" menggambar batas atau titik satu
// KPS; data-peta="wilayah" menggambar titik semua KPS dalam penyaring, lalu batas KPS yang
// terlihat saat peta diperbesar. Tanpa server ubin (data-peta-ubin kosong) bentuk tetap
// digambar di latar polos.
(function () {
  "use strict";
  var GAYA_BATAS = { color: "#1b5e20", weight: 2, fillColor: "#43a047", fillOpacity: 0.25 };
  var ZOOM_BATAS = 9;

  function pasangUbin(peta, el) {
    var url = el.dataset.petaUbin;
    if (url) {
      L.tileLayer(url, { maxZoom: 18, attribution: el.dataset.petaAtribusi || "" }).addTo(peta);
    } else {
      el.classList.add("peta-polos");
    }
  }

  function petaKps(el) {
    var peta = L.map(el, { scrollWheelZoom: false });
    pasangUbin(peta, el);
    var data = document.getElementById(el.dataset.batas);
    var batas = data ? JSON.parse(data.textContent) : null;
    if (batas) {
      var lapis = L.geoJSON(batas, { style: GAYA_BATAS }).addTo(peta);
      peta.fitBounds(lapis.getBounds(), { padding: [16, 16] });
    } else {
      var titik = [parseFloat(el.dataset.lintang), parseFloat(el.dataset.bujur)];
      L.circleMarker(titik, { radius: 8, color: "#0d6efd" }).addTo(peta);
      peta.setView(titik, 13);
    }
    el.dataset.siap = "1";
  }

  function tautan(el, pk, nama) {
    var a = document.createElement("a");
    a.href = el.dataset.detailTemplat.replace(/\/0\/$/, "/" + pk + "/");
    a.textContent = nama;
    return a;
  }

  function angka(n) {
    return n.toLocaleString("id-ID");
  }

  function dengan(url, parameter) {
    return url + (url.indexOf("?") === -1 ? "?" : "&") + parameter;
  }

  function petaWilayah(el) {
    var status = document.getElementById(el.dataset.status);
    var peta = L.map(el, { preferCanvas: true });
    pasangUbin(peta, el);
    peta.setView([-2.5, 118], 5);
    var lapisTitik = L.layerGroup().addTo(peta);
    var lapisBatas = L.geoJSON(null, {
      style: GAYA_BATAS,
      onEachFeature: function (fitur, lapis) {
        lapis.bindPopup(tautan(el, fitur.id, fitur.properties.nama));
      },
    }).addTo(peta);
    var ringkasan = "";
    var catatanBatas = "";
    var permintaan = 0;

    function tulis() {
      status.textContent = ringkasan + catatanBatas;
    }

    function muatBatas() {
      if (peta.getZoom() < ZOOM_BATAS) {
        lapisBatas.clearLayers();
        catatanBatas = " Perbesar peta untuk melihat batas areal kerja.";
        tulis();
        return;
      }
      var nomor = ++permintaan;
      var b = peta.getBounds();
      var kotak = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
        .map(function (v) { return v.toFixed(5); }).join(",");
      fetch(dengan(el.dataset.batasUrl, "bbox=" + kotak), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
        .then(function (data) {
          if (nomor !== permintaan) { return; }
          lapisBatas.clearLayers();
          lapisBatas.addData(data);
          catatanBatas = " " + angka(data.features.length) + " batas areal kerja di layar" +
            (data.terpotong ? " (sebagian; perbesar lagi untuk melihat semuanya)." : ".");
          tulis();
        })
        .catch(function () {
          catatanBatas = " Batas areal kerja gagal dimuat; coba lagi.";
          tulis();
        });
    }

    fetch(el.dataset.titikUrl, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        var kotak = [];
        data.titik.forEach(function (t) {
          var penanda = L.circleMarker([t[2], t[3]], {
            radius: 6, weight: 1, color: "#ffffff", fillOpacity: 0.9,
            fillColor: t[4] ? "#2e7d32" : "#0d6efd",
          });
          penanda.bindPopup(tautan(el, t[0], t[1]));
          lapisTitik.addLayer(penanda);
          kotak.push([t[2], t[3]]);
        });
        if (kotak.length) { peta.fitBounds(kotak, { padding: [24, 24], maxZoom: 12 }); }
        ringkasan = angka(data.jumlah) + " KPS cocok dengan penyaring; " +
          angka(data.berlokasi) + " memiliki titik atau batas" +
          (data.terpotong ? " (" + angka(data.titik.length) + " pertama ditampilkan; persempit penyaring)" : "") +
          ", " + angka(data.tanpa_lokasi) + " belum.";
        tulis();
        peta.on("moveend", muatBatas);
        muatBatas();
        el.dataset.siap = "1";
      })
      .catch(function () {
        status.textContent = "Data peta gagal dimuat. Muat ulang halaman untuk mencoba lagi.";
      });
  }

  document.querySelectorAll("[data-peta='kps']").forEach(petaKps);
  document.querySelectorAll("[data-peta='wilayah']").forEach(petaWilayah);
})();
