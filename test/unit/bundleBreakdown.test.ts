import { strict as assert } from 'node:assert';
import { breakdown, partOf } from '../bench/bundleBreakdown';

describe('bundle breakdown', () => {
  it('names the package of a dependency, scoped or nested, and the folder of our own code', () => {
    assert.equal(partOf('node_modules/zod/v4/core/core.js'), 'zod');
    assert.equal(partOf('node_modules/@vscode-elements/elements/dist/button.js'), '@vscode-elements/elements');
    assert.equal(partOf('node_modules/axios/node_modules/form-data/lib/form_data.js'), 'form-data');
    assert.equal(partOf('src/ui/queue/queueModel.ts'), 'src/ui/queue');
    assert.equal(partOf('src/providers/gitlab/gitlabSource.ts'), 'src/providers/gitlab');
    assert.equal(partOf('src/core/sla.ts'), 'src/core');
    assert.equal(partOf('src/extension.ts'), 'src');
  });

  it('sums the bytes each part left in the bundle, largest first, from the output with an entry point', () => {
    const parts = breakdown({
      outputs: {
        'dist/extension.js.map': { bytes: 900, inputs: {} },
        'dist/extension.js': {
          bytes: 700,
          entryPoint: 'src/extension.ts',
          inputs: {
            'src/extension.ts': { bytesInOutput: 100 },
            'node_modules/zod/v4/mini/schemas.js': { bytesInOutput: 200 },
            'node_modules/zod/v4/core/core.js': { bytesInOutput: 250 },
            'src/ui/queue/queueModel.ts': { bytesInOutput: 150 },
          },
        },
      },
    });
    assert.deepEqual(parts, [
      { part: 'zod', bytes: 450 },
      { part: 'src/ui/queue', bytes: 150 },
      { part: 'src', bytes: 100 },
    ]);
  });
});
