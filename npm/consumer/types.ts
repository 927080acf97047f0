// The package's types as a TypeScript user of a bundler sees them (tsc, moduleResolution
// "bundler": the web build's types): init and the functions, amounts as strings.
import init, { split, type Allocation } from "vardavtal";

export async function total(): Promise<string> {
  await init();
  const a: Allocation = split("443 miljoner kronor", "population:regions:2021-11-01");
  const first: string = a.rows[0].amount;
  return a.total + first.slice(0, 0);
}
