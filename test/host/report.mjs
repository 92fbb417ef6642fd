// Prints a host-tier result like mocha's spec reporter, ending with the plain "N passed, N failed" line.
export function printResult(result, { suites, seconds }) {
  console.log(
    `\n[host] VS Code ${result.vscodeVersion} (${result.appHost}, ${result.uiKind}${result.remoteName ? `, remote ${result.remoteName}` : ''}), ${suites} suite file(s)`,
  );
  for (const test of result.tests) {
    const mark = test.state === 'passed' ? '  ✔' : test.state === 'failed' ? '  ✗' : '  -';
    console.log(`${mark} ${test.title}${test.durationMs > 100 ? ` (${test.durationMs} ms)` : ''}`);
  }
  const failures = result.tests.filter((test) => test.state === 'failed');
  for (const [index, test] of failures.entries()) {
    console.log(
      `\n  ${index + 1}) ${test.title}\n     ${(test.error?.stack ?? test.error?.message ?? '').split('\n').join('\n     ')}`,
    );
  }
  if (result.printed?.length) {
    console.log('\n[host] printed by the suites:');
    for (const line of result.printed) console.log(`  ${line}`);
  }
  console.log(`\n[host] ${result.tests.length} test(s) in ${seconds.toFixed(1)} s`);
  console.log(`host: ${result.passed} passed, ${result.failed} failed, ${result.pending} skipped`);
}
