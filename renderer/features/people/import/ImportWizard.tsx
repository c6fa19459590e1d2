import { Alert, Anchor, Breadcrumbs, Stack, Stepper, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ColumnMapping, ImportSource } from '../../../../electron/features/people/import/fields';
import { CheckStep } from './CheckStep';
import { FileStep } from './FileStep';
import { MappingStep } from './MappingStep';
import { RunStep } from './RunStep';
import { useMayCall } from '../../../api/session';
import type { Analysis, Preview } from './types';

/**
 * Import from a Magister or Somtoday export: file → column mapping → check → import. Nothing is
 * written until the last step, and that step is one transaction.
 */
export function ImportWizard() {
  const [step, setStep] = useState(0);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  /** Columns the user knowingly leaves out (or left out last time): not warned about. */
  const [ignored, setIgnored] = useState<string[]>([]);
  const [source, setSource] = useState<ImportSource>('eigen');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // The import rewrites what consent rests on (birth dates, gezag): the coordinator's alone.
  const mayImport = useMayCall('import.start');

  const restart = () => {
    setAnalysis(null);
    setPreview(null);
    setJobId(null);
    setStep(0);
  };

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/leerlingen">
          Leerlingen
        </Anchor>
        <Text>Importeren</Text>
      </Breadcrumbs>
      <Title order={1}>Leerlingen en ouders importeren</Title>
      {!mayImport && (
        <Alert color="gray" variant="light">
          Alleen een coördinator kan leerlingen importeren.
        </Alert>
      )}
      {mayImport && (
        <Stepper active={step} allowNextStepsSelect={false} onStepClick={(s) => jobId === null && setStep(s)}>
          <Stepper.Step label="Bestand" description="CSV of Excel">
            <FileStep
              onAnalysed={(a) => {
                setAnalysis(a);
                setMapping(a.mapping);
                setIgnored(a.ignored);
                setSource(a.source);
                setStep(1);
              }}
            />
          </Stepper.Step>
          <Stepper.Step label="Kolommen" description="Wat staat waar">
            {analysis && (
              <MappingStep
                analysis={analysis}
                mapping={mapping}
                ignored={ignored}
                source={source}
                onChange={(m, i) => {
                  setMapping(m);
                  setIgnored(i);
                }}
                onSourceChange={setSource}
                onBack={restart}
                onPreviewed={(p) => {
                  setPreview(p);
                  setStep(2);
                }}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label="Controle" description="Fouten en aantallen">
            {analysis && preview && (
              <CheckStep
                analysis={analysis}
                mapping={mapping}
                ignored={ignored}
                source={source}
                preview={preview}
                onBack={() => setStep(1)}
                onRestart={restart}
                onStarted={(id) => {
                  setJobId(id);
                  setStep(3);
                }}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label="Importeren" description="Verslag">
            {jobId && <RunStep jobId={jobId} onAgain={restart} />}
          </Stepper.Step>
        </Stepper>
      )}
    </Stack>
  );
}
