/**
 * The embedded DynamoDB on its own, in a process of its own, so a fault test can kill it while
 * the runtime keeps running: `node --import tsx test/support/dynamo-server.ts <port> <dataDir>`.
 * Prints `DynamoDB <endpoint>` once its tables are ready; SIGTERM closes LevelDB cleanly.
 */
import { createTables, startDynamo } from '../../infra/local/dynamodb.ts';

const [port = '0', dataDir = '.data'] = process.argv.slice(2);
const dynamo = await startDynamo(Number(port), dataDir);
await createTables(dynamo.endpoint);
console.log(`DynamoDB ${dynamo.endpoint}`);
process.once('SIGTERM', async () => {
  await dynamo.stop();
  process.exit(0);
});
