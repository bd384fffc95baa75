import ArgumentParser
import Notebook

/// Runs `body`; a `NotebookError` is printed (with its `file:line:col` and hint) and becomes
/// the documented exit status.
func reportingNotebookErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as NotebookError {
        FileOutput.standardError.write(error.description + "\n")
        throw ExitStatus.exitCode(for: error)
    }
}
