#!/usr/bin/env bash
# Pastikan pustaka sistem yang dibutuhkan WeasyPrint (dan huruf untuk PDF) terpasang.
# Sebagai root: dipasang dengan apt-get. Selain itu: cetak perintahnya lalu berhenti.
# Di sistem tanpa dpkg (bukan Debian/Ubuntu) pemeriksaan dilewati.
set -euo pipefail

paket=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "dpkg tidak ada: pastikan sendiri Pango dan HarfBuzz terpasang untuk WeasyPrint."
  exit 0
fi

kurang=()
for p in "${paket[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    kurang+=("$p")
  fi
done
[ ${#kurang[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "Memasang pustaka sistem untuk WeasyPrint: ${kurang[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${kurang[@]}"
else
  echo "Pustaka sistem untuk WeasyPrint belum terpasang. Jalankan:"
  echo "  sudo apt-get install -y ${kurang[*]}"
  exit 1
fi
