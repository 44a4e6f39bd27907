#!/usr/bin/env bash
# Regenerates the character n-gram profiles lang/<code>/langid-ngrams.tsv from
# tools/langid/corpus/<code>.txt. Add a language: create lang/<code>/langid.tsv, write a corpus
# file of a few hundred words of your own prose, run this script.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run tools/langid/Generate.cs -- "$PWD"
