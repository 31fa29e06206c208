/**
 * AWS SDK clients, created once per Lambda container. The local runtime points the DynamoDB client at the local
 * server through AWS_ENDPOINT_URL_DYNAMODB and attaches its simulators (phone network, SMS outbox, task tokens)
 * to these same instances, so handlers run unchanged.
 */
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { ConnectClient } from '@aws-sdk/client-connect';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamoDb = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true },
});
export const sns = new SNSClient({});
export const connect = new ConnectClient({});
export const sfn = new SFNClient({});
export const bedrock = new BedrockRuntimeClient({});
export const s3 = new S3Client({});
