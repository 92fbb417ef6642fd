export { CSV_LINE_BREAK, CSV_SEPARATOR, UTF8_BOM, csvField, csvRecord } from './csv';
export { DEFAULT_EXPORT_HEADERS, EXPORT_COLUMNS, dialogsToCsv, dialogsToJson, exportRow } from './dialogExport';
export type { ExportColumn, ExportItem, ExportOptions, ExportRow } from './dialogExport';
export { allPartiesExportPages, searchExportPages, writeExport } from './exportSources';
