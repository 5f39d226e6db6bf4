//! The page's words in English and in French: one table, looked up by key.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// French for a browser that asks for French (`fr`, `fr-CA`…), English otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        }
    }

    /// The words for `text`.
    pub fn t(self, text: Text) -> &'static str {
        let (en, fr) = text.words();
        self.choose(en, fr)
    }

    /// One of two texts that come together from elsewhere (a preset's title, say).
    pub fn choose<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// A printed line quoted in a sentence, with the language's quotation marks.
    pub fn quote(self, text: &str) -> String {
        match self {
            Lang::En => format!("“{text}”"),
            Lang::Fr => format!("« {text} »"),
        }
    }
}

/// Every text of the page. A sentence with a number in it is split around the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    // Top bar and banners.
    Tagline,
    Example,
    ExampleLabel,
    YourScenario,
    SwitchLanguage,
    OtherLanguage,
    NotLoaded,
    ScenarioKept,
    Dismiss,
    UnreadableAutosave,
    // Controls.
    RunControls,
    Strategy,
    Speed,
    Run,
    Stop,
    CompareAll,
    CompareAllHint,
    FixToRun,
    Ready,
    Running,
    Done,
    Stopped,
    Sequentially,
    // Sharing and files.
    CopyLink,
    RunOnOpen,
    ExportJson,
    ImportJson,
    LinkToScenario,
    LinkCopied,
    CopyLinkBelow,
    NoTimelineYet,
    NoTraceYet,
    TraceHint,
    ProgramCopied,
    // Panes.
    Timeline,
    Console,
    Copy,
    Footer,
    FooterPython,
    // The explanation under the timeline.
    StoppedByError,
    SumOfTasks,
    FrozenFor,
    FrozenOfThe,
    FrozenAddUp,
    LongestTask,
    SomeOverlap,
    SumOfTheTasks,
    Measured,
    Lateness,
    WakeUps,
    // Legend.
    LegendBlocked,
    LegendNested,
    LegendWaiting,
    LegendIdeal,
    LegendResult,
    // Timeline.
    RequestedWakeUp,
    LateBy,
    LoopFrozen,
    CreatedWaiting,
    PressRun,
    FrozenLoopTitle,
    TimelineLabel,
    HiddenTabTitle,
    DensityLabel,
    TasksSleeping,
    TasksFinished,
    HiddenFor,
    HiddenExplained,
    // The Python pane.
    ModeLabel,
    ModeTasks,
    ModePython,
    EditAsPython,
    LoopHeld,
    YourProgram,
    CodeLabel,
    EditorHelp,
    LineWord,
    ColumnWord,
    LoadingEngine,
    EngineFailed,
    StoppedNote,
    DownloadPy,
    OpenPy,
    // Console and code.
    ConsoleLabel,
    NothingPrinted,
    EarlierLinesHidden,
    MoreCodeLines,
    // Compare.
    CompareLabel,
    CompareTitle,
    CompareChained,
    CompareTogether,
    RowRunning,
    RowStopped,
    RowWaiting,
    ArrivalOrderHint,
    Results,
    // Editor.
    Tasks,
    Task,
    Title,
    MoreTasksHidden,
    ShowMore,
    AddMany,
    HowMany,
    DelaysFrom,
    DelaysTo,
    Add,
    DragHint,
    MoveUp,
    MoveDown,
    Duplicate,
    Remove,
    MoveStepUp,
    MoveStepDown,
    RemoveStep,
    Name,
    Returns,
    AddStepLabel,
    AddStepPrompt,
    StepBlock,
    StepAwait,
    Seconds,
}

impl Text {
    fn words(self) -> (&'static str, &'static str) {
        use Text::*;
        match self {
            Tagline => ("Python's asyncio, run for real in your browser", "L'asyncio de Python, exécuté pour de vrai dans votre navigateur"),
            Example => ("Example", "Exemple"),
            ExampleLabel => ("Example from the tutorials", "Exemple des tutoriels"),
            YourScenario => ("— your scenario —", "— votre scénario —"),
            SwitchLanguage => ("Passer en français", "Switch to English"),
            OtherLanguage => ("FR", "EN"),
            NotLoaded => ("Not loaded: ", "Non chargé : "),
            ScenarioKept => (" Your scenario was kept.", " Votre scénario est conservé."),
            Dismiss => ("Dismiss", "Fermer"),
            UnreadableAutosave => ("Your saved scenario could not be read; it was set aside and the default one opened", "Le scénario enregistré est illisible ; il a été mis de côté et celui par défaut ouvert"),
            RunControls => ("Run controls", "Commandes"),
            Strategy => ("Strategy", "Stratégie"),
            Speed => ("Speed", "Vitesse"),
            Run => ("Run", "Lancer"),
            Stop => ("Stop", "Arrêter"),
            CompareAll => ("Compare all", "Tout comparer"),
            CompareAllHint => ("Run every strategy on the same tasks", "Lancer toutes les stratégies sur les mêmes tâches"),
            FixToRun => ("Fix this to run: ", "À corriger pour lancer : "),
            Ready => ("Ready", "Prêt"),
            Running => ("Running…", "En cours…"),
            Done => ("Done", "Terminé"),
            Stopped => ("Stopped", "Arrêté"),
            Sequentially => ("await one after another", "await l'un après l'autre"),
            CopyLink => ("Copy link", "Copier le lien"),
            RunOnOpen => ("run on open", "lancer à l'ouverture"),
            ExportJson => ("Export JSON", "Exporter JSON"),
            ImportJson => ("Import JSON…", "Importer JSON…"),
            LinkToScenario => ("Link to this scenario", "Lien vers ce scénario"),
            LinkCopied => ("Link copied.", "Lien copié."),
            CopyLinkBelow => ("Copy the link below.", "Copiez le lien ci-dessous."),
            NoTimelineYet => ("Run the scenario first: there is no timeline yet.", "Lancez d'abord le scénario : il n'y a pas encore de chronologie."),
            NoTraceYet => ("Run the scenario first: there is no trace yet.", "Lancez d'abord le scénario : il n'y a pas encore de trace."),
            TraceHint => ("Chrome trace-event JSON, opens in Perfetto", "JSON Chrome trace-event, s'ouvre dans Perfetto"),
            ProgramCopied => ("Python program copied.", "Programme Python copié."),
            Timeline => ("Timeline", "Chronologie"),
            Console => ("Console", "Console"),
            Copy => ("Copy", "Copier"),
            FooterPython => ("Every time shown is measured in this browser; the lines, their order and their times are those CPython 3.11 prints.",
                             "Chaque durée affichée est mesurée dans ce navigateur ; les lignes, leur ordre et leurs instants sont ceux qu'affiche CPython 3.11."),
            Footer => ("Every time shown is measured on this browser's event loop; the dashed outlines are the ideal times of a virtual clock.", "Chaque durée affichée est mesurée sur la boucle d'événements de ce navigateur ; les contours pointillés sont les durées idéales d'une horloge virtuelle."),
            StoppedByError => ("An exception reached main(), which stopped there, at", "Une exception est arrivée dans main(), qui s'est arrêtée là, à"),
            SumOfTasks => ("One after another: the total is the sum of the tasks' times,", "L'une après l'autre : le total est la somme des durées des tâches,"),
            FrozenFor => ("time.sleep froze the event loop for", "time.sleep a gelé la boucle d'événements pendant"),
            FrozenOfThe => ("of the", "sur"),
            FrozenAddUp => (": while it blocks no other task can run, so the blocks add up.", " : pendant ce temps aucune autre tâche ne peut avancer, les blocages s'additionnent."),
            LongestTask => ("The tasks waited at the same time: the total is the longest task,", "Les tâches ont attendu en même temps : le total est la tâche la plus longue,"),
            SomeOverlap => ("Some waits overlapped: longest task", "Certaines attentes se sont chevauchées : tâche la plus longue"),
            SumOfTheTasks => ("sum of the tasks", "somme des tâches"),
            Measured => ("Measured:", "Mesuré :"),
            Lateness => ("Timer lateness (actual − requested wake-up, real time): ", "Retard des minuteurs (réveil réel − demandé, temps réel) : "),
            WakeUps => ("wake-ups.", "réveils."),
            LegendBlocked => ("time.sleep (loop frozen)", "time.sleep (boucle gelée)"),
            LegendNested => ("nested await", "await imbriqué"),
            LegendWaiting => ("waiting to start", "en attente de démarrage"),
            LegendIdeal => ("ideal (virtual clock)", "idéal (horloge virtuelle)"),
            LegendResult => ("result reaches main()", "résultat reçu par main()"),
            RequestedWakeUp => ("requested wake-up", "réveil demandé"),
            LateBy => ("late by", "retard"),
            LoopFrozen => ("the loop is frozen", "la boucle est gelée"),
            CreatedWaiting => ("created, waiting for the loop", "créée, attend la boucle"),
            PressRun => ("Press Run (Ctrl+Enter) to watch the tasks run.", "Appuyez sur Lancer (Ctrl+Entrée) pour voir les tâches s'exécuter."),
            FrozenLoopTitle => ("time.sleep froze the whole event loop", "time.sleep a gelé toute la boucle d'événements"),
            TimelineLabel => ("Timeline of the run", "Chronologie de l'exécution"),
            HiddenTabTitle => ("The tab was hidden: the browser slows its timers down", "L'onglet était masqué : le navigateur ralentit ses minuteurs"),
            DensityLabel => ("Density of the tasks over time", "Densité des tâches dans le temps"),
            TasksSleeping => ("tasks: sleeping", "tâches : en attente"),
            TasksFinished => ("finished", "terminées"),
            HiddenFor => ("The tab was hidden for", "L'onglet a été masqué pendant"),
            HiddenExplained => ("during this run (hatched): browsers slow timers down in hidden tabs, so wake-ups there come late. That is the browser, not asyncio.", "pendant cette exécution (hachures) : les navigateurs ralentissent les minuteurs des onglets masqués, les réveils y arrivent donc en retard. C'est le navigateur, pas asyncio."),
            ConsoleLabel => ("Console output", "Sortie de la console"),
            NothingPrinted => ("Nothing printed yet.", "Rien d'affiché pour l'instant."),
            EarlierLinesHidden => ("earlier lines are not shown.", "lignes précédentes ne sont pas affichées."),
            MoreCodeLines => ("more lines: Copy gives the whole program.", "lignes de plus : Copier donne tout le programme."),
            CompareLabel => ("Compare the strategies", "Comparer les stratégies"),
            CompareTitle => ("Compare: every strategy on one time axis", "Comparer : toutes les stratégies sur le même axe"),
            CompareChained => ("These tasks block the event loop (time.sleep), so the strategies run one after the other: run together, they would freeze each other.", "Ces tâches bloquent la boucle (time.sleep) : les stratégies s'exécutent donc l'une après l'autre, car ensemble elles se gèleraient mutuellement."),
            CompareTogether => ("The four strategies run at the same time, each on its own event loop clock, on the browser's real timers.", "Les quatre stratégies s'exécutent en même temps, chacune avec sa propre horloge, sur les vrais minuteurs du navigateur."),
            RowRunning => ("running…", "en cours…"),
            RowStopped => ("stopped", "arrêté"),
            RowWaiting => ("waiting its turn", "attend son tour"),
            ArrivalOrderHint => ("Order in which the results reached main()", "Ordre d'arrivée des résultats dans main()"),
            Results => ("results: ", "résultats : "),
            Tasks => ("Tasks", "Tâches"),
            Task => ("Task", "Tâche"),
            Title => ("Title", "Titre"),
            MoreTasksHidden => ("more tasks are not shown here; they all run.", "autres tâches ne sont pas affichées ici ; elles s'exécutent toutes."),
            ShowMore => ("Show more", "Afficher plus"),
            AddMany => ("Add many tasks", "Ajouter plusieurs tâches"),
            HowMany => ("How many", "Combien"),
            DelaysFrom => ("Delays from (s)", "Délais de (s)"),
            DelaysTo => ("to (s)", "à (s)"),
            Add => ("Add", "Ajouter"),
            DragHint => ("Drag to reorder (or Alt+↑/↓)", "Glisser pour réordonner (ou Alt+↑/↓)"),
            MoveUp => ("Move up", "Monter"),
            MoveDown => ("Move down", "Descendre"),
            Duplicate => ("Duplicate", "Dupliquer"),
            Remove => ("Remove", "Supprimer"),
            MoveStepUp => ("Move step up", "Monter l'étape"),
            MoveStepDown => ("Move step down", "Descendre l'étape"),
            RemoveStep => ("Remove step", "Supprimer l'étape"),
            Name => ("Name", "Nom"),
            Returns => ("returns", "retourne"),
            AddStepLabel => ("Add a step", "Ajouter une étape"),
            AddStepPrompt => ("+ add a step…", "+ ajouter une étape…"),
            StepBlock => ("time.sleep(…) — blocks the loop", "time.sleep(…) — bloque la boucle"),
            StepAwait => ("await another coroutine", "await d'une autre coroutine"),
            Seconds => ("seconds", "secondes"),
            ModeLabel => ("What to run", "Quoi exécuter"),
            ModeTasks => ("Tasks", "Tâches"),
            ModePython => ("Python", "Python"),
            EditAsPython => ("Edit as Python", "Modifier en Python"),
            LoopHeld => ("running Python without awaiting: the loop is held, no other task runs",
                         "du Python qui tourne sans await : la boucle est tenue, aucune autre tâche ne tourne"),
            YourProgram => ("Your program", "Votre programme"),
            CodeLabel => ("Python program", "Programme Python"),
            EditorHelp => ("Tab indents, Shift+Tab dedents, Ctrl+Enter runs; Escape then Tab leaves the editor.",
                           "Tab indente, Maj+Tab désindente, Ctrl+Entrée lance ; Échap puis Tab quitte l'éditeur."),
            LineWord => ("Line", "Ligne"),
            ColumnWord => ("column", "colonne"),
            LoadingEngine => ("Loading Python…", "Chargement de Python…"),
            EngineFailed => ("The Python engine stopped:", "Le moteur Python s'est arrêté :"),
            StoppedNote => ("Stopped. Until then the program held the loop whenever it ran without awaiting: nothing else could run.",
                            "Arrêté. Jusque-là, le programme tenait la boucle chaque fois qu'il tournait sans await : rien d'autre ne pouvait s'exécuter."),
            DownloadPy => ("Download .py", "Télécharger .py"),
            OpenPy => ("Open .py", "Ouvrir .py"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_comes_from_the_browser_or_the_saved_choice() {
        assert_eq!(Lang::from_browser("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser(""), Lang::En);
        assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::En.other(), Lang::Fr);
        assert_eq!(Lang::parse(Lang::Fr.code()), Some(Lang::Fr));
    }

    #[test]
    fn every_text_reads_in_both_languages() {
        assert_eq!(Lang::En.t(Text::Run), "Run");
        assert_eq!(Lang::Fr.t(Text::Run), "Lancer");
        // The switch names the language it switches to.
        assert_eq!(Lang::En.t(Text::OtherLanguage), "FR");
        assert_eq!(Lang::Fr.choose("a", "b"), "b");
    }
}
