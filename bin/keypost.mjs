#!/usr/bin/env node
// The npm bin `keypost`: runs the built command-line runner (npm run build writes dist-cli/keypost.mjs).
import '../dist-cli/keypost.mjs';
