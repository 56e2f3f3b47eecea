import QRCode from "qrcode";

/**
 * A QR code as one SVG path (dark modules as unit squares), for the poster. Rendered by React as an
 * ordinary <path>, so no markup string ever reaches the page. Error correction M survives a
 * crumpled poster and a bit of tape.
 */
export function qrPath(url: string): { size: number; d: string } {
  const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  let d = "";
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (data[y * size + x]) d += `M${x} ${y}h1v1h-1z`;
    }
  }
  return { size, d };
}
