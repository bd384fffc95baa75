/// What normbook says about itself, in one place: its version (recorded in provenance, in the
/// environment key of stored results, in page footers and by `normbook --version`) and the
/// title a report gets when none is given.
public enum NotebookIdentity {
    /// normbook's version.
    public static let version = "0.1.0"
    /// The report's title when none is given.
    public static let defaultTitle = "Norm regularization, fact-checked"
}
