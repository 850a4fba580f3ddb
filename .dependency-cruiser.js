/** Architecture rules (ARCHITECTURE.md, STYLE.md), checked in the test run by `npm run lint:deps`. */
module.exports = {
  forbidden: [
    {
      name: 'apps-never-import-other-apps',
      comment: 'Apps talk through HTTP and events, never through each other\'s code.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ holds plain TypeScript: no NestJS, TypeORM, class-validator, nor the infrastructure around it.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: [
          '^node_modules/(@nestjs|typeorm|class-validator|class-transformer|ioredis|amqplib|amqp-connection-manager|pg|express)/',
          '/(application|infrastructure|interface)/',
        ],
      },
    },
    {
      name: 'domain-uses-only-pure-lib-files',
      comment: 'From the libraries, domain code may only use the pure error base and contract constants.',
      severity: 'error',
      from: { path: '/domain/' },
      to: {
        path: '^libs/',
        pathNot: ['^libs/platform/src/errors/domain-error\\.ts$', '^libs/contracts/src/cameras/(coco-classes|camera-status)\\.ts$'],
      },
    },
    {
      name: 'application-does-not-reach-into-interface',
      severity: 'error',
      from: { path: '/application/' },
      to: { path: '/interface/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(\\.spec\\.ts$|^test/|^frontend/|^dist/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
