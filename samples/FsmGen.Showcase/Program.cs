using FsmGen.Showcase;

Console.WriteLine("FsmGen showcase");
Console.WriteLine();
Console.WriteLine("1. Data-flow machine: OrderPipeline");
// <run-pipeline>
var pipeline = new OrderPipeline();
foreach (var order in new[] { new Order("A-1", 3, 0m, "new"), new Order("A-2", 0, 0m, "new") })
{
    var result = pipeline.Run(order);
    Console.WriteLine($"  -> {result}");
}
// </run-pipeline>

Console.WriteLine();
Console.WriteLine("2. Event-driven machine: Door");
// <fire-door>
var door = new Door { HasKey = true };
door.Fire(DoorTrigger.Open);
door.Fire(DoorTrigger.Close);
door.Fire(DoorTrigger.Lock);
Console.WriteLine($"  permitted now: {string.Join(", ", door.GetPermittedTriggers())}");
Console.WriteLine($"  TryFire(Open) while locked: {door.TryFire(DoorTrigger.Open)}");
door.Fire(DoorTrigger.Unlock);
Console.WriteLine($"  current: {door.Current}");
// </fire-door>

Console.WriteLine();
Console.WriteLine("3. The graph, drawn at compile time (Mermaid):");
Console.WriteLine(Door.Mermaid);

return await PatternTours.RunAllAsync() == 0 ? 0 : 1;
