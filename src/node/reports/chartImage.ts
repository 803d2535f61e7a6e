/**
 * The chart PNG placed on a worksheet (the port does not model images; exceljs keeps them). Re-running the
 * report reuses the sheet's image slot instead of adding one per run, so the file does not grow each time.
 */
import type ExcelJS from 'exceljs';

interface SheetMedia {
  _media: { type: string; imageId: string | number }[];
}

export function placeChartImage(
  book: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  image: { png: Buffer; width: number; height: number },
  at: { col: number; row: number },
): void {
  const media = (sheet as unknown as SheetMedia)._media;
  const old = sheet.getImages();
  const reuse = old.length > 0 ? Number(old[0].imageId) : null;
  // Drop this sheet's earlier chart images (exceljs has no removeImage); other sheets' images stay.
  (sheet as unknown as SheetMedia)._media = media.filter((m) => m.type !== 'image');
  let imageId: number;
  if (reuse !== null && book.getImage(reuse)) {
    const slot = book.getImage(reuse) as unknown as {
      buffer: Buffer;
      extension: string;
      base64?: string;
      filename?: string;
    };
    slot.buffer = image.png;
    slot.extension = 'png';
    delete slot.base64;
    delete slot.filename;
    imageId = reuse;
  } else imageId = book.addImage({ buffer: image.png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, {
    tl: { col: at.col, row: at.row },
    ext: { width: image.width, height: image.height },
  });
}
