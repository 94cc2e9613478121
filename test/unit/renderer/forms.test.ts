import { describe, expect, it } from 'vitest';
import { inputs } from '../../../shared/ipc/contract';
import {
  EMPTY_PROVIDER,
  providerErrors,
  providerInput,
} from '../../../renderer/forms/provider-form';
import {
  EMPTY_DESTINATION,
  changesOf,
  destinationErrors,
  destinationInput,
  passwordProblem,
  pemProblem,
} from '../../../renderer/forms/destination-form';
import { visibleErrors } from '../../../renderer/forms/validation';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('the provider form', () => {
  it('keeps the UPIN as text, leading zeros and all', () => {
    const input = providerInput({ upin: ' 012345 ', ukprn: '', name: 'Example College' });
    expect(input).toEqual({ upin: '012345', ukprn: null, name: 'Example College' });
    expect(inputs['providers.add'].parse(input).upin).toBe('012345');
  });

  it('sends the UKPRN when given', () => {
    expect(providerInput({ upin: '000001', ukprn: '10001234', name: 'A' }).ukprn).toBe('10001234');
  });

  it('says what the contract says about each field that is wrong', () => {
    expect(providerErrors(EMPTY_PROVIDER)).toEqual({
      upin: 'The UPIN must be six digits, leading zeros included (e.g. 012345).',
      name: 'Enter the provider name.',
    });
    expect(providerErrors({ upin: '12345a', ukprn: '1234', name: '  ' })).toEqual({
      upin: 'The UPIN must be six digits, leading zeros included (e.g. 012345).',
      ukprn: 'The UKPRN must be eight digits.',
      name: 'Enter the provider name.',
    });
    expect(providerErrors({ upin: '012345', ukprn: '', name: 'Example College' })).toEqual({});
    expect(providerErrors({ upin: '012345', ukprn: '', name: 'x'.repeat(100_000) })).toEqual({
      name: 'The provider name is 100,000 characters; the most ReturnDesk accepts is 200.',
    });
  });
});

describe('the destination form', () => {
  const filled = {
    ...EMPTY_DESTINATION,
    name: 'HEFCE extranet',
    url: ' https://extranet.example.ac.uk/ ',
    area: 'FAMD General upload area (GUA)',
    username: 'demo',
  };

  it('leaves out a blank password and group key rather than sending empty secrets', () => {
    const input = destinationInput(filled);
    expect(input.password).toBeUndefined();
    expect(input.groupKey).toBeUndefined();
    expect(input.url).toBe('https://extranet.example.ac.uk/');
    expect(inputs['destinations.add'].safeParse(input).success).toBe(true);
  });

  it('sends the password exactly as typed, spaces included', () => {
    const input = destinationInput({
      ...filled,
      password: ' pass word ',
      groupKey: 'P699 8C22EF79',
    });
    expect(input.password).toBe(' pass word ');
    expect(input.groupKey).toBe('P699 8C22EF79');
  });

  it('sends the CA certificate as its PEM text', () => {
    const input = destinationInput({ ...filled, caPem: PEM, caFileName: 'ca.pem' });
    expect(input.caPem).toBe(PEM);
    expect(input).not.toHaveProperty('caFileName');
  });

  it('names every required field that is missing, in the contract’s words', () => {
    expect(destinationErrors(EMPTY_DESTINATION)).toEqual({
      name: 'Give the destination a name.',
      url: 'Enter the address of the extranet or portal.',
      area: 'Enter the upload area.',
      username: 'Enter your user name there.',
    });
    expect(destinationErrors(filled)).toEqual({});
  });

  it('refuses a secret too long for the credential vault', () => {
    const errors = destinationErrors({ ...filled, password: 'x'.repeat(1281) });
    expect(errors.password).toMatch(/1,280 characters/);
  });

  it('says at once when the chosen CA file is not a PEM certificate', () => {
    expect(pemProblem(PEM)).toBeUndefined();
    expect(pemProblem('\u0030\u0082binary')).toMatch(/not a PEM certificate/);
    expect(destinationErrors({ ...filled, caPem: 'hello' }).caPem).toMatch(/not a PEM/);
  });
});

describe('the destination change form', () => {
  const d = {
    id: 1,
    name: 'hefce',
    url: 'https://extranet.example.ac.uk:8443',
    area: 'GUA',
    username: 'jo',
    areas: [{ name: 'GUA', groupKeyStored: false, groupKeyForSession: false }],
    ca: false,
    createdAt: '2026-11-01T09:00:00Z',
    passwordStored: true,
    groupKeyStored: false,
    passwordForSession: false,
    groupKeyForSession: false,
  };
  const as = { ...EMPTY_DESTINATION, name: 'hefce', url: d.url, area: 'GUA', username: 'jo' };

  it('sends only what the user changed, and blank secrets as unchanged', () => {
    expect(changesOf(d, as)).toEqual({});
    expect(
      JSON.parse(
        JSON.stringify(
          changesOf(d, { ...as, url: ' https://extranet.example.ac.uk/ ', groupKey: 'K' }),
        ),
      ),
    ).toEqual({ url: 'https://extranet.example.ac.uk/', groupKey: 'K' });
  });

  it("refuses http:// to another computer with the contract's reason", () => {
    expect(destinationErrors({ ...as, url: 'http://extranet.example.ac.uk/' }).url).toMatch(
      /must start with https:\/\//,
    );
    expect(destinationErrors({ ...as, url: 'http://127.0.0.1:8443' }).url).toBeUndefined();
  });
});

describe('the password dialogs', () => {
  it('ask for a password, within the vault’s limit', () => {
    expect(passwordProblem('')).toBe('Enter the password.');
    expect(passwordProblem('demo-password')).toBeUndefined();
    expect(passwordProblem('x'.repeat(1281))).toMatch(/1,280 characters/);
  });
});

describe('which errors are shown', () => {
  const errors = { upin: 'bad upin', name: 'no name' };

  it('are none until the user leaves a field or tries to save', () => {
    expect(visibleErrors(errors, new Set(), false)).toEqual({});
  });

  it('are those of the fields the user has left', () => {
    expect(visibleErrors(errors, new Set(['upin', 'ukprn']), false)).toEqual({ upin: 'bad upin' });
  });

  it('are all of them once the user has tried to save', () => {
    expect(visibleErrors(errors, new Set(), true)).toEqual(errors);
  });
});
