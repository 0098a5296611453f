UPDATE revisions SET note = 'first draft' WHERE number = 1 AND note = '';
