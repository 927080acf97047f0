// node, as an ES module: named imports from the installed package (its node build).
import assert from "node:assert/strict";
import { split, version, VardavtalError } from "vardavtal";

const a = split("443 miljoner kronor", "population:regions:2021-11-01");
assert.equal(a.total, "443000000");
assert.equal(a.rows.find((r) => r.recipient === "01").amount, "102311913");
assert.throws(() => split("ca 11 miljarder", "population:regions:2021-11-01"), (e) => e instanceof VardavtalError && e.code === "invalid_amount");
console.log(`ESM import: vardavtal ${version()}, split total ${a.total}`);
