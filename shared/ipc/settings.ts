// Settings: providers, destinations and their secrets, backups, the audit trail, the dashboard.
import { z } from 'zod';
import type {
  AppInfo,
  AuditCheckWithHead,
  AuditEntryView,
  AuditKeyState,
  BackupContentsView,
  BackupView,
  DashboardView,
  DestinationView,
  Provider,
  SecretOutcome,
} from './views';
import { id } from './common';
import { TEXT_LIMITS as MAX, limitedText, trimmedText } from './limits';
import { isFileSink } from './sink';
import type { FileSink } from './sink';
import { ukprnSchema, upinSchema as upin } from '../domain';

const secret = z
  .string()
  .min(1)
  .max(1280, 'A secret longer than 1,280 characters cannot be kept in the credential vault.');
/**
 * A destination: the app names it by id, the command line by the name the user gave it. Exactly
 * one of the two.
 */
const destinationRef = {
  destinationId: id.optional(),
  destination: trimmedText('The destination name', MAX.name)
    .min(1, 'Give the name of a destination.')
    .optional(),
};
const areaName = trimmedText('The upload area', MAX.name).min(1, 'Enter the upload area.');
const oneDestination = [
  (r: { destinationId?: number; destination?: string }) =>
    (r.destinationId === undefined) !== (r.destination === undefined),
  { message: 'Choose one destination.' },
] as const;
/** https anywhere; plain http only to this computer (the reference server in tests). */
const SECURE_URL =
  /^(https:\/\/[^\s/]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?)(\/\S*)?$/i;

const backupName = z
  .string()
  .max(255, 'Choose one of the listed backups.')
  .regex(/^[\w.-]+\.db$/, 'Choose one of the listed backups.');
const destinationUrl = trimmedText('The address', MAX.url)
  .min(1, 'Enter the address of the extranet or portal.')
  .refine(
    // One message for an address too long: that one.
    (u) => u.length > MAX.url || SECURE_URL.test(u),
    'The address must start with https:// (ReturnDesk sends files only over an encrypted connection).',
  );
const caPem = limitedText('The CA certificate', MAX.certificate)
  .refine(
    (p) => p.includes('-----BEGIN CERTIFICATE-----'),
    'The CA file is not a PEM certificate (it should start with -----BEGIN CERTIFICATE-----).',
  )
  .nullable()
  .optional();

export const settingsInputs = {
  'app.info': z.void(),
  'providers.list': z.void(),
  'providers.add': z.object({
    upin,
    ukprn: ukprnSchema.nullable().optional(),
    name: trimmedText('The provider name', MAX.name).min(1, 'Enter the provider name.'),
  }),
  'providers.update': z
    .object({
      upin,
      ukprn: ukprnSchema.optional(),
      name: trimmedText('The provider name', MAX.name)
        .min(1, 'Enter the provider name.')
        .optional(),
    })
    .refine((p) => p.ukprn !== undefined || p.name !== undefined, 'Change the UKPRN or the name.'),
  'destinations.list': z.void(),
  'destinations.add': z.object({
    name: trimmedText('The destination name', MAX.name).min(1, 'Give the destination a name.'),
    url: destinationUrl,
    area: trimmedText('The upload area', MAX.name).min(1, 'Enter the upload area.'),
    username: trimmedText('The user name', MAX.name).min(1, 'Enter your user name there.'),
    caPem,
    password: secret.optional(),
    groupKey: secret.optional(),
  }),
  /** Only what is given changes; refused while an upload to it is unfinished. */
  'destinations.update': z
    .object({
      ...destinationRef,
      name: trimmedText('The destination name', MAX.name)
        .min(1, 'Give the destination a name.')
        .optional(),
      url: destinationUrl.optional(),
      area: trimmedText('The upload area', MAX.name).min(1, 'Enter the upload area.').optional(),
      username: trimmedText('The user name', MAX.name)
        .min(1, 'Enter your user name there.')
        .optional(),
      caPem,
      password: secret.optional(),
      groupKey: secret.optional(),
    })
    .refine(...oneDestination)
    .refine(
      (i) =>
        [i.name, i.url, i.area, i.username, i.caPem, i.password, i.groupKey].some(
          (v) => v !== undefined,
        ),
      'Say what to change: the name, address, area, user name, CA file, password or group key.',
    ),
  /** Kept for its receipts if anything was sent there; refused while an upload to it is unfinished. */
  'destinations.remove': z.object({ ...destinationRef }).refine(...oneDestination),
  'destinations.setPassword': z
    .object({
      ...destinationRef,
      password: secret,
      /** Log in with it first (`returndesk login`): a password the server refuses is not kept. */
      verify: z.boolean().optional(),
    })
    .refine(...oneDestination),
  'destinations.forgetPassword': z.object({ destinationId: id }),
  /** `area`: which of the destination's areas; needed only where it has several. */
  'destinations.setGroupKey': z
    .object({ ...destinationRef, groupKey: secret, area: areaName.optional() })
    .refine(...oneDestination),
  /** `area`: reach only that one; without, every area of the destination, one after another. */
  'destinations.test': z
    .object({ ...destinationRef, password: secret.optional(), area: areaName.optional() })
    .refine(...oneDestination),
  /** Another area the destination's account reaches, with its group key if one is needed. */
  'destinations.addArea': z
    .object({ ...destinationRef, area: areaName, groupKey: secret.optional() })
    .refine(...oneDestination),
  /** Refused for its last area and while an upload to the area is unfinished. */
  'destinations.removeArea': z
    .object({ ...destinationRef, area: areaName })
    .refine(...oneDestination),
  'backups.list': z.void(),
  /**
   * A backup in the backups folder; or, for the command line's `backup --to FILE`, where it names.
   * Only an in-process door can pass `to` (see shared/ipc/sink.ts): the app's window and browser
   * mode call this with no input, and anything they send as `to` is refused.
   */
  'backups.create': z.union([
    z.void(),
    z.object({ to: z.custom<FileSink>(isFileSink, 'Choose where to write the backup.') }),
  ]),
  'backups.restore': z.object({ name: backupName }),
  /** What a listed backup holds (providers, plans, files, uploads, newest entry), read only. */
  'backups.describe': z.object({ name: backupName }),
  /**
   * `head`: an audit head someone holds (a receipt, the regulator's copy of an upload), which must
   * be an entry of the chain.
   */
  'audit.verify': z
    .object({
      head: z
        .object({
          entry: z.number().int().min(1, 'An audit head is an entry number from 1.'),
          seal: z
            .string()
            .regex(/^[0-9a-f]{64}$/, 'An audit head seal is 64 lowercase hexadecimal digits.'),
        })
        .optional(),
    })
    .optional(),
  /** The newest entries first, all of them or those about one subject (e.g. plan:3). */
  'audit.list': z.object({
    subject: limitedText('The subject', MAX.name).optional(),
    limit: z.number().int().min(0).optional(),
  }),
  /** Whether the app should ask for the audit passphrase (no credential vault, not asked yet). */
  'audit.keyState': z.void(),
  /**
   * The audit passphrase for this session, where there is no credential vault (held in memory,
   * never stored), or `skip`: entries are then hash-chained only.
   */
  'audit.setPassphrase': z.union([
    z.object({
      passphrase: z
        .string()
        .min(1, 'Enter the audit passphrase, or skip.')
        .max(1024, 'An audit passphrase is at most 1,024 characters.'),
    }),
    z.object({ skip: z.literal(true) }),
  ]),
  'dashboard.get': z.void(),
} as const;

export interface SettingsOutputs {
  'app.info': AppInfo;
  'providers.list': Provider[];
  'providers.add': Provider;
  'providers.update': Provider;
  'destinations.list': DestinationView[];
  'destinations.add': {
    destination: DestinationView;
    password: SecretOutcome | null;
    groupKey: SecretOutcome | null;
  };
  'destinations.update': {
    destination: DestinationView;
    password: SecretOutcome | null;
    groupKey: SecretOutcome | null;
  };
  /** `keptAs`: the name it is kept under for its receipts, or null when it was never used. */
  'destinations.remove': { removed: string; keptAs: string | null };
  'destinations.setPassword': SecretOutcome & { destination: DestinationView };
  'destinations.forgetPassword': { forgotten: boolean };
  'destinations.setGroupKey': SecretOutcome;
  /** `area`: the first reached; `areas`: every area reached, in the destination's order. */
  'destinations.test': { area: string; areas: string[] };
  'destinations.addArea': { destination: DestinationView; groupKey: SecretOutcome | null };
  'destinations.removeArea': { destination: DestinationView; removed: string };
  'backups.list': BackupView[];
  'backups.create': BackupView;
  'backups.restore': { restored: string; safetyBackup: string };
  'backups.describe': BackupContentsView;
  'audit.verify': AuditCheckWithHead;
  'audit.list': AuditEntryView[];
  'audit.keyState': AuditKeyState;
  'audit.setPassphrase': AuditKeyState & { message: string };
  'dashboard.get': DashboardView;
}

export const settingsMutations = {
  'providers.add': ['providers'],
  'providers.update': ['providers'],
  'destinations.add': ['destinations'],
  'destinations.update': ['destinations'],
  'destinations.remove': ['destinations'],
  'destinations.setPassword': ['destinations'],
  'destinations.forgetPassword': ['destinations'],
  'destinations.setGroupKey': ['destinations'],
  'destinations.addArea': ['destinations'],
  'destinations.removeArea': ['destinations'],
  'backups.create': ['backups'],
  'backups.restore': ['*'],
} as const;
