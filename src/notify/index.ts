export * from './webhook.model';
export { createWebhookService, type WebhookService, type WebhookDeps, type EndpointInput, type EndpointPatch } from './webhook.service';
export { createOutboxRelay, type OutboxRelay, type RelayDeps, type RelayLogger, type RelayRound } from './relay';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, type SignatureCheck, type SignatureRefusal } from './webhook.signature';
export { backoffMs, BACKOFF_STEPS_MS } from './webhook.backoff';
export { EMAIL_STATUSES, EMAIL_LIMITS, isEmailStatus, isSingleAddress, checkEmailInput, type Email, type EmailInput, type EmailRef, type EmailStatus } from './email.model';
export { queueEmail, createEmailService, type EmailService, type EmailDeps } from './email.service';
export { createEmailSender, describeSmtpFailure, type EmailSender, type EmailSenderDeps, type EmailRound, type EmailSenderStats } from './email.sender';
