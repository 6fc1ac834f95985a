// The widgets arrive with issue 3.
