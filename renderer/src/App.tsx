import { lazy, Suspense, useEffect } from 'react';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useApp } from './stores/app';
import { AppFrame } from './app/AppFrame';
import { Loading } from './app/Loading';
import { ErrorBoundary } from './app/ErrorBoundary';
import { reportUncaughtErrors } from './app/errorLog';
import { useAuth } from './stores/auth';
import { SetupAdminScreen, SignInScreen } from './screens/accounts/SignInScreen';
import { LockScreen } from './screens/accounts/LockScreen';
import { useIdleLock } from './screens/accounts/useIdleLock';

// shown once per database: its own chunk (docs/PERFORMANCE.md, "Start")
const FirstRunScreen = lazy(() => import('./screens/firstrun/FirstRunScreen').then((m) => ({ default: m.FirstRunScreen })));

/** The whole window inside an error boundary, with uncaught errors reported to the log file. */
export function App() {
  useEffect(() => reportUncaughtErrors(), []);
  return (
    <ErrorBoundary>
      <AuthGate />
    </ErrorBoundary>
  );
}

/**
 * Nothing of the desk before someone signs in (docs/ACCOUNTS.md): the first administrator on a new
 * database, the sign-in otherwise, and the lock screen over the frame when locked.
 */
function AuthGate() {
  const status = useAuth((s) => s.status);
  const loadError = useAuth((s) => s.loadError);
  const refresh = useAuth((s) => s.refresh);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const user = status?.user ?? null;
  useIdleLock(status?.idleMinutes ?? 10, user !== null && !status?.locked);

  if (!status) return loadError ? <CannotStart message={loadError} retry={() => void refresh()} /> : <Loading text="正在打开数据库…" h="100vh" />;
  if (status.needsSetup) return <SetupAdminScreen />;
  if (!user) return <SignInScreen />;
  return (
    <>
      {/* keyed by user: another user signing in starts from a fresh desk */}
      <Startup key={user.id} />
      {status.locked ? <LockScreen user={user} /> : null}
    </>
  );
}

function CannotStart({ message, retry, loading }: { message: string; retry(): void; loading?: boolean }) {
  return (
    <Center h="100vh">
      <Stack align="center" gap="sm" maw={420}>
        <IconPlugConnectedX size={40} stroke={1.5} color="var(--mantine-color-red-6)" />
        <Title order={3}>无法启动</Title>
        <Text c="dimmed" ta="center">
          {message}
        </Text>
        <Button onClick={retry} loading={loading}>
          重试
        </Button>
      </Stack>
    </Center>
  );
}

/** Startup: ask main for the status, then show the first-run welcome or the working desk. */
function Startup() {
  const status = useApp((s) => s.status);
  const loadError = useApp((s) => s.loadError);
  const loading = useApp((s) => s.loading);
  const refresh = useApp((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) {
    if (loadError) return <CannotStart message={loadError} retry={() => void refresh()} loading={loading} />;
    return <Loading text="正在打开数据库…" h="100vh" />;
  }

  if (status.firstRun)
    return (
      <Suspense fallback={<Loading h="100vh" />}>
        <FirstRunScreen />
      </Suspense>
    );
  return <AppFrame />;
}
