Console.WriteLine("FsmGen showcase");
