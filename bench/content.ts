/** Realistic large service-owner content: the API's 100 KB maximum, as markdown and as legacy HTML. */
export function markdownOfSize(bytes: number): string {
  const blocks: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const block = [
      `## Del ${i + 1}: Skattemelding for inntektsåret 2025`,
      `Du må levere **skattemeldingen** innen *30. april*. Se [veiledningen](https://www.skatteetaten.no/person/skatt/skattemelding/) og [Altinn](https://info.altinn.no/) for mer informasjon om fradrag, formue og gjeld.`,
      `- Kontroller inntekter fra arbeidsgiver\n- Legg til fradrag for reiser\n- Sjekk formue i bank og fond\n  - Bankinnskudd\n  - Aksjefond`,
      `| Post | Beløp | Merknad |\n|---|---:|---|\n| Lønn | 612 000 | Fra A-meldingen |\n| Renter | 4 210 | Bank |\n| Gjeld | 1 250 000 | Boliglån |`,
      `> Har du spørsmål, kontakt oss på telefon 800 80 000.\n\n\`referanse-${i}\` ~~utgått~~ 1. Første punkt\n2. Andre punkt`,
    ].join('\n\n');
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return blocks.join('\n\n').slice(0, bytes);
}

export function legacyHtmlOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = `<div class="section"><h2>Vedtak ${i + 1}</h2><p>Vi har <b>behandlet</b> søknaden din og <i>innvilget</i> den. Se <a href="https://www.nav.no/">nav.no</a> for detaljer.</p><ul><li>Periode: 01.01.2026–31.12.2026</li><li>Beløp: 12 000 kr</li></ul><table><tr><th>Måned</th><th>Beløp</th></tr><tr><td>Januar</td><td>1 000</td></tr></table><p style="color:red" onclick="x()">Frist: 3 uker</p></div>`;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('').slice(0, bytes);
}
