import CGSL

/// One-time set-up of the GSL library for this process.
///
/// GSL's default error handler calls `abort()`, which would take a whole test runner or
/// experiment down with it. Every GSLKit entry point that reaches C first touches
/// ``GSLRuntime/prepared``, which turns the handler off exactly once (a global `let` is
/// initialised lazily and thread-safely). Arguments are checked in Swift before they reach C.
enum GSLRuntime {
    static let prepared: Bool = {
        gsl_set_error_handler_off()
        return true
    }()
}
