import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  ACCESS_LOG_TABLE,
  CASES_TABLE,
  CONTROL_TABLE,
  type TableDesign,
  TRANSCRIPTS_TABLE,
} from '../../functions/shared/table-design.ts';

/** One deployed table with the design it was built from and the key that encrypts it. */
export interface DataTable {
  table: dynamodb.Table;
  design: TableDesign;
  key: kms.IKey;
}

const attributeType = (type: 'S' | 'N') =>
  type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER;

/** Builds one table from its design: on-demand, customer-managed KMS, PITR, TTL, deletion protection, RETAIN. */
function buildTable(scope: Construct, design: TableDesign, key: kms.IKey): DataTable {
  const table = new dynamodb.Table(scope, design.name, {
    partitionKey: { name: design.partitionKey.name, type: attributeType(design.partitionKey.type) },
    sortKey: design.sortKey
      ? { name: design.sortKey.name, type: attributeType(design.sortKey.type) }
      : undefined,
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: key,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: design.ttlAttribute,
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of design.indexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: { name: index.partitionKey.name, type: attributeType(index.partitionKey.type) },
      sortKey: index.sortKey
        ? { name: index.sortKey.name, type: attributeType(index.sortKey.type) }
        : undefined,
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
  return { table, design, key };
}

export interface DataTablesProps {
  /** Customer-managed key for every table. */
  key: kms.IKey;
}

/** The four tables of `functions/shared/table-design.ts`, built from those descriptions. */
export class DataTables extends Construct {
  readonly cases: DataTable;
  readonly control: DataTable;
  readonly transcripts: DataTable;
  readonly accessLog: DataTable;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    this.cases = buildTable(this, CASES_TABLE, props.key);
    this.control = buildTable(this, CONTROL_TABLE, props.key);
    this.transcripts = buildTable(this, TRANSCRIPTS_TABLE, props.key);
    this.accessLog = buildTable(this, ACCESS_LOG_TABLE, props.key);
  }

  /** Every table, in design order. */
  get all(): DataTable[] {
    return [this.cases, this.control, this.transcripts, this.accessLog];
  }
}
