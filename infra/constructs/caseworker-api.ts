import { Duration, RemovalPolicy, SecretValue, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function.ts';

export interface CaseworkerApiProps {
  handler: ServiceFunction;
  key: kms.IKey;
  /** Steady-state requests per second for the whole stage (burst is twice this). */
  throttleRatePerSecond: number;
  /** Supervisor district → districts overseen (env SUPERVISOR_DISTRICTS). */
  supervisorDistricts: Record<string, string[]>;
  logRetention: logs.RetentionDays;
}

/**
 * The caseworker API (contract §3.6): a Cognito user pool (custom attribute `district`, groups `caseworker`
 * and `supervisor`, MFA) and a REST API whose every route goes through the Cognito authorizer to the
 * `caseworker-api` Lambda, with access logs, X-Ray, request validation and stage throttling.
 */
export class CaseworkerApi extends Construct {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigateway.RestApi;
  readonly cursorSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: CaseworkerApiProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'Caseworkers', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      customAttributes: { district: new cognito.StringAttribute({ minLen: 5, maxLen: 5, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of ['caseworker', 'supervisor']) {
      new cognito.CfnUserPoolGroup(this, `${group}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: group === 'supervisor' ? 'Sees the districts it oversees' : 'Sees its own district only',
      });
    }
    this.userPoolClient = this.userPool.addClient('Console', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      // Only an administrator sets the district; users may not change their own.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true }),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
    });

    this.cursorSecret = new secretsmanager.Secret(this, 'CursorSecret', {
      description: 'HMAC key of caseworker API pagination cursors (CURSOR_SECRET)',
      encryptionKey: props.key,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The cursor key only signs pagination cursors (no credential); rotating it invalidates open cursors, so it is ' +
        'rotated by an operator (put-secret-value + redeploy), see README "Operations".',
    });
    props.handler
      // Resolved by CloudFormation at deploy time into the KMS-encrypted function environment.
      .addEnvironment('CURSOR_SECRET', SecretValue.secretsManager(this.cursorSecret.secretArn).unsafeUnwrap())
      .addEnvironment('SUPERVISOR_DISTRICTS', JSON.stringify(props.supervisorDistricts));

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new apigateway.RestApi(this, 'Api', {
      description: 'welfare-first-call caseworker API (Cognito JWT, district claim)',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: 'v1',
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields(),
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: true,
        metricsEnabled: true,
        throttlingRateLimit: props.throttleRatePerSecond,
        throttlingBurstLimit: props.throttleRatePerSecond * 2,
      },
      disableExecuteApiEndpoint: false,
    });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [this.userPool],
    });
    const validator = new apigateway.RequestValidator(this, 'Validator', {
      restApi: this.api,
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    // Every route, the root included, goes through the Cognito authorizer to the one handler.
    const methodOptions: apigateway.MethodOptions = {
      authorizer,
      authorizationType: apigateway.AuthorizationType.COGNITO,
      requestValidator: validator,
    };
    const integration = new apigateway.LambdaIntegration(props.handler.function, { proxy: true });
    this.api.root.addMethod('ANY', integration, methodOptions);
    this.api.root.addResource('{proxy+}').addMethod('ANY', integration, methodOptions);

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'Regional API for authenticated caseworkers (Cognito + MFA) with stage throttling; attach an AWS WAF web ACL ' +
        'with the organisation-wide rule set at deploy time if the account has one (README "Deploy to AWS").',
    });
    Validations.of(this.api).acknowledge({
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]`,
      reason:
        'The account-level API Gateway logging role needs this AWS managed policy (CloudWatch Logs groups are created per API by the service).',
    });
  }
}
