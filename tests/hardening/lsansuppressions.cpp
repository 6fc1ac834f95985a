// Under the asan preset this is built into every program of ours (see CMakeLists.txt), so the
// processes that tests start carry the same suppressions as the tests. Each entry is a leak in a
// system library we do not build, with the reason; a leak in our own code is a bug to fix.
extern "C" const char *__lsan_default_suppressions();
extern "C" const char *__lsan_default_options();

// A suppressed leak is not news; its summary would land in the middle of the program's stderr,
// which tests read line by line.
extern "C" const char *__lsan_default_options()
{
    return "print_suppressions=0";
}

extern "C" const char *__lsan_default_suppressions()
{
    // OpenSSL 3 frees a thread's error queue in a pthread key destructor, but QThread::wait()
    // returns before that destructor runs: a program that exits right after joining a thread that
    // signed or verified a request can be checked while the queue is still being freed. OpenSSL
    // has no frame pointers, so the report ends inside libcrypto and only the library can be
    // named. Our own calls (signing/sha256.cpp) are one-shot or RAII-owned and keep no memory.
    return "leak:libcrypto.so\n";
}
