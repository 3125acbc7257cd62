import { PDFParse } from "pdf-parse";

/** The text of a PDF, pages joined, as a reader copying it out would get it (tests only). */
export async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}
