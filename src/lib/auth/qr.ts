// The enrolment QR code, drawn on the server as SVG (no script in the browser needed, and the
// Content-Security-Policy allows data: images).
import QRCode from "qrcode";

export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
